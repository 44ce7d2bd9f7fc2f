package ingest.enrich;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small IPv4 MaxMind DB file (format 2.0, 24-bit records) for tests: networks mapped to records.
 * Values: String, Integer (uint16), Long (uint32), BigInteger (uint64), Map and List.
 */
final class TestMmdb {

    private static final class Node {
        Node zero;
        Node one;
        Integer data; // offset into the data section, on a leaf
    }

    private final String databaseType;
    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    TestMmdb(String databaseType) {
        this.databaseType = databaseType;
    }

    /** Maps a.b.c.d/prefix to a record made of maps, lists, strings and longs. */
    TestMmdb network(String cidr, Map<String, Object> record) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = address << 8 | Integer.parseInt(octet);
        }
        int offset = data.size();
        encode(record, data);
        Node node = root;
        for (int bit = 0; bit < Integer.parseInt(parts[1]); bit++) {
            boolean one = (address >> (31 - bit) & 1) == 1;
            if (one) {
                node = node.one == null ? (node.one = new Node()) : node.one;
            } else {
                node = node.zero == null ? (node.zero = new Node()) : node.zero;
            }
        }
        node.data = offset;
        return this;
    }

    Path write(Path file) throws IOException {
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        int count = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            record(out, value(node.zero, nodes, count));
            record(out, value(node.one, nodes, count));
        }
        out.write(new byte[16]);
        data.writeTo(out);
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", (long) count);
        metadata.put("record_size", 24);
        metadata.put("ip_version", 4);
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", 2);
        metadata.put("binary_format_minor_version", 0);
        metadata.put("build_epoch", BigInteger.valueOf(1_700_000_000L));
        metadata.put("description", Map.of("en", "Footfall test database"));
        encode(metadata, out);
        return Files.write(file, out.toByteArray());
    }

    // leaves are not tree nodes: a node's record points to a child node, to data, or to "nothing here"
    private static void number(Node node, List<Node> nodes) {
        if (node == null || node.data != null) {
            return;
        }
        nodes.add(node);
        number(node.zero, nodes);
        number(node.one, nodes);
    }

    private static long value(Node child, List<Node> nodes, int count) {
        if (child == null) {
            return count;
        }
        if (child.data != null) {
            return count + 16L + child.data;
        }
        return nodes.indexOf(child);
    }

    private static void record(ByteArrayOutputStream out, long value) {
        out.write((int) (value >> 16) & 0xFF);
        out.write((int) (value >> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }

    @SuppressWarnings("unchecked")
    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            control(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Integer n) { // uint16
            byte[] bytes = unsigned(n);
            control(out, 5, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Long n) { // uint32
            byte[] bytes = unsigned(n);
            control(out, 6, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof BigInteger n) { // uint64
            byte[] bytes = unsigned(n.longValueExact());
            control(out, 9, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Map<?, ?> map) {
            control(out, 7, map.size());
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                encode(entry.getKey(), out);
                encode(entry.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            control(out, 11, list.size());
            list.forEach(item -> encode(item, out));
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void control(ByteArrayOutputStream out, int type, int size) {
        if (size >= 29) {
            throw new IllegalArgumentException("sizes over 28 are not needed here");
        }
        if (type <= 7) {
            out.write(type << 5 | size);
        } else {
            out.write(size);
            out.write(type - 7);
        }
    }

    private static byte[] unsigned(long n) {
        int length = n == 0 ? 0 : (64 - Long.numberOfLeadingZeros(n) + 7) / 8;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[length - 1 - i] = (byte) (n >> (8 * i));
        }
        return bytes;
    }
}
