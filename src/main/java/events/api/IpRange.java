package events.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR range ("192.0.2.7", "2001:db8::/32"), as site exclusions name them. */
public record IpRange(byte[] network, int bits, String text) {

    /** Parses an address or range; throws IllegalArgumentException naming what is wrong. Never resolves names. */
    public static IpRange parse(String input) {
        String text = input == null ? "" : input.strip();
        int slash = text.indexOf('/');
        InetAddress ip = literal(slash < 0 ? text : text.substring(0, slash));
        if (ip == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        int max = ip.getAddress().length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0 to " + max);
            }
        }
        return new IpRange(ip.getAddress(), bits, text);
    }

    public boolean contains(String address) {
        InetAddress ip = address == null ? null : literal(address);
        if (ip == null || ip.getAddress().length != network.length) {
            return false;
        }
        byte[] bytes = ip.getAddress();
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || !(s.contains(":") || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
