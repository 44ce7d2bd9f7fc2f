package events.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The visitor's device with Plausible's names (visit:device is the screen class); null where unknown. */
public record Device(String screen, String browser, String browserVersion, String os, String osVersion) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Device {
    }

    /** Version 1 events carried the device class alone, as a string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Device ofScreen(String screen) {
        return new Device(screen, null, null, null, null);
    }
}
