package architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Text in compiled class files. ArchUnit's model does not see String constants (javac inlines them),
 * so these conditions search the class file bytes, where every literal sits in the constant pool.
 */
final class ClassFileText {

    private ClassFileText() {
    }

    static ArchCondition<JavaClass> mention(String text) {
        return new ArchCondition<>("mention \"%s\" in their class file", text) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean found = mentions(javaClass, text);
                String message = String.format("%s %s \"%s\" in its class file %s", javaClass.getDescription(),
                        found ? "mentions" : "does not mention", text, javaClass.getSourceCodeLocation());
                events.add(new SimpleConditionEvent(javaClass, found, message));
            }
        };
    }

    /** Fails unless at least one checked class mentions the text, so a rule about it cannot go vacuous. */
    static ArchCondition<JavaClass> includeOneThatMentions(String text) {
        return new ArchCondition<>("include at least one class whose class file mentions \"%s\"", text) {
            private int checked;
            private boolean seen;

            @Override
            public void init(Collection<JavaClass> allObjectsToTest) {
                checked = allObjectsToTest.size();
                seen = false;
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                seen |= mentions(javaClass, text);
            }

            @Override
            public void finish(ConditionEvents events) {
                if (!seen) {
                    events.add(SimpleConditionEvent.violated(text, String.format(
                            "none of the %d checked classes mentions \"%s\" in its class file", checked, text)));
                }
            }
        };
    }

    static boolean mentions(JavaClass javaClass, String text) {
        return indexOf(read(javaClass), text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    // Reads through the URL so that classes inside jars work too; an unreadable class is an error, not a pass.
    private static byte[] read(JavaClass javaClass) {
        URI uri = javaClass.getSource()
                .orElseThrow(() -> new IllegalStateException("no class file known for " + javaClass.getName()))
                .getUri();
        try (InputStream in = uri.toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + javaClass.getName() + " at " + uri, e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
