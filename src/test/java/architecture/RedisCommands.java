package architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;

/** Redis commands as the low-level client names them: static fields of {@code Command}, read by {@code Request.cmd(Command.XADD)}. */
final class RedisCommands {

    static final Set<String> STREAM = Set.of("XADD", "XREAD", "XREADGROUP", "XACK", "XDEL", "XAUTOCLAIM", "XCLAIM",
            "XGROUP", "XTRIM", "XLEN", "XRANGE", "XREVRANGE", "XPENDING", "XINFO", "XSETID");

    /** Commands that change counters, HyperLogLogs, sorted sets or hashes, or drop such keys (DEL stays free: events drops its own locks). */
    static final Set<String> READ_MODEL_WRITES = Set.of("PFADD", "PFMERGE", "ZINCRBY", "ZADD", "ZUNIONSTORE", "INCRBY",
            "INCR", "HINCRBY", "HSET", "UNLINK", "EXPIRE");

    static final Set<String> SCRIPTS = Set.of("EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO");

    private static final Set<String> COMMAND_CLASSES = Set.of(
            "io.vertx.mutiny.redis.client.Command", "io.vertx.redis.client.Command");

    private RedisCommands() {
    }

    /** A read of {@code Command.X} for any X in {@code names}, from either the Mutiny or the bare Vert.x client. */
    static DescribedPredicate<JavaFieldAccess> command(String label, Set<String> names) {
        return DescribedPredicate.describe("target is a Redis " + label + " command " + sorted(names),
                access -> COMMAND_CLASSES.contains(access.getTarget().getOwner().getName())
                        && names.contains(access.getTarget().getName()));
    }

    /** Classes that read at least one such {@code Command} field. */
    static DescribedPredicate<JavaClass> send(String label, Set<String> names) {
        DescribedPredicate<JavaFieldAccess> command = command(label, names);
        return DescribedPredicate.describe("send a Redis " + label + " command " + sorted(names),
                javaClass -> javaClass.getFieldAccessesFromSelf().stream().anyMatch(command));
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().toList().toString();
    }
}
