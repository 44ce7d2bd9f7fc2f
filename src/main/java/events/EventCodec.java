package events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import events.api.DeadLetter;
import events.api.PageViewRecorded;
import events.api.SiteEvent;
import events.api.SiteExclusionsChanged;
import events.api.SiteRegistered;
import events.api.SiteRemoved;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON form of events on the streams. */
@ApplicationScoped
class EventCodec {

    private final ObjectMapper json;

    EventCodec(ObjectMapper json) {
        this.json = json;
    }

    String encode(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event, e);
        }
    }

    PageViewRecorded pageView(String data) {
        try {
            return json.readValue(data, PageViewRecorded.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed PageViewRecorded: " + e.getOriginalMessage(), e);
        }
    }

    DeadLetter deadLetter(String data) {
        try {
            return json.readValue(data, DeadLetter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed dead letter: " + e.getOriginalMessage(), e);
        }
    }

    String typeOf(SiteEvent event) {
        return event.getClass().getSimpleName();
    }

    SiteEvent siteEvent(String type, String data) {
        Class<? extends SiteEvent> kind = switch (type) {
            case "SiteRegistered" -> SiteRegistered.class;
            case "SiteRemoved" -> SiteRemoved.class;
            case "SiteExclusionsChanged" -> SiteExclusionsChanged.class;
            default -> throw new IllegalArgumentException("unknown site event type " + type);
        };
        try {
            return json.readValue(data, kind);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
