package events.api;

/** An event with its position in its stream partition; positions only grow within a partition. */
public record Recorded<T>(int partition, String position, T event) {
}
