package ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** Step one of ingest: the Plausible Events API body, checked field by field. */
@ApplicationScoped
class HitParser {

    static final int MAX_BODY = 8 * 1024;
    static final int MAX_URL = 2000;
    static final int MAX_NAME = 120;
    static final int MAX_DOMAINS = 1000;
    static final int MAX_PROPS = 30;
    static final int MAX_WIDTH = 100_000;
    static final int MAX_PROP_KEY = 300;
    static final int MAX_PROP_VALUE = 2000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build());

    ParsedHit parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw BadHit.of("body", "request body is empty; expected a JSON object");
        }
        if (body.length > MAX_BODY) {
            throw new BadHit(413, "body", "request body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw BadHit.of("body", "request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw BadHit.of("body", "request body must be a JSON object");
        }
        String name = text(root, "name", "n", MAX_NAME, true);
        String url = text(root, "url", "u", MAX_URL, true);
        String domain = text(root, "domain", "d", MAX_URL, true);
        String referrer = text(root, "referrer", "r", MAX_URL, false);
        return new ParsedHit(name, url, domains(domain), referrer, props(root), flag(root.get("h")), width(root),
                interactive(root));
    }

    private static String text(JsonNode root, String longName, String shortName, int max, boolean required) {
        JsonNode node = root.has(shortName) ? root.get(shortName) : root.get(longName);
        if (node == null || node.isNull()) {
            if (required) {
                throw BadHit.of(longName, longName + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw BadHit.of(longName, longName + " must be a string");
        }
        String value = node.textValue();
        if (required && value.isBlank()) {
            throw BadHit.of(longName, longName + " must not be empty");
        }
        if (value.length() > max) {
            throw BadHit.of(longName, longName + " is longer than " + max + " characters");
        }
        if (hasControlCharacters(value)) {
            throw BadHit.of(longName, longName + " contains control characters");
        }
        return value.isBlank() ? null : value.strip();
    }

    private static List<String> domains(String value) {
        List<String> domains = Arrays.stream(value.split(",")).map(String::strip).filter(d -> !d.isEmpty())
                .map(String::toLowerCase).distinct().toList();
        if (domains.isEmpty()) {
            throw BadHit.of("domain", "domain must not be empty");
        }
        if (domains.size() > MAX_DOMAINS) {
            throw BadHit.of("domain", "domain lists more than " + MAX_DOMAINS + " sites");
        }
        return domains;
    }

    private static Map<String, String> props(JsonNode root) {
        String field = root.has("p") ? "p" : root.has("props") ? "props" : root.has("m") ? "m" : "meta";
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (node.isTextual()) {
            // older Plausible trackers send props as a JSON string
            try {
                node = JSON.readTree(node.textValue());
            } catch (IOException e) {
                throw BadHit.of("props", "props must be a JSON object");
            }
        }
        if (node == null || !node.isObject()) {
            throw BadHit.of("props", "props must be a JSON object");
        }
        if (node.size() > MAX_PROPS) {
            throw BadHit.of("props", "props has more than " + MAX_PROPS + " entries");
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> prop = it.next();
            JsonNode value = prop.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw BadHit.of("props", "props." + prop.getKey() + " must be a string, number or boolean");
            }
            String key = prop.getKey();
            String text = value.asText();
            if (key.isEmpty() || key.length() > MAX_PROP_KEY || hasControlCharacters(key)) {
                throw BadHit.of("props", "props keys must be 1 to " + MAX_PROP_KEY + " printable characters");
            }
            if (text.length() > MAX_PROP_VALUE || hasControlCharacters(text)) {
                throw BadHit.of("props", "props." + key + " must be at most " + MAX_PROP_VALUE
                        + " printable characters");
            }
            props.put(key, text);
        }
        return props;
    }

    /** The screen width {@code w} in CSS pixels, or null; device classes come from it. */
    private static Integer width(JsonNode root) {
        JsonNode node = root.get("w");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw BadHit.of("w", "w must be a number");
        }
        double width = node.asDouble();
        if (width < 0 || width > MAX_WIDTH) {
            throw BadHit.of("w", "w must be a screen width from 0 to " + MAX_WIDTH);
        }
        return (int) width;
    }

    /** Plausible's {@code i: false} marks an event that does not end a bounce. */
    private static boolean interactive(JsonNode root) {
        JsonNode node = root.get("i");
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isBoolean()) {
            throw BadHit.of("i", "i must be true or false");
        }
        return node.booleanValue();
    }

    private static boolean flag(JsonNode node) {
        return node != null && (node.asBoolean(false) || node.asInt(0) == 1);
    }

    static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
