package ir.parvaneh.kernel.notification;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a message template valid, in one place for the command side (a municipality's version) and the query
 * side (the province's defaults): a known channel, a title and a body of bounded length, and no placeholder the kind
 * does not have, so that a published text can never leave a {@code {hole}} in a citizen's SMS.
 */
public final class MessageTemplateRules {

    public static final String ANY_CHANNEL = "ANY";
    public static final Set<String> CHANNELS = Set.of("SMS", "EMAIL", "IN_APP", ANY_CHANNEL);
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 1000;

    private MessageTemplateRules() {
    }

    /** The kind named, or a refusal with the kinds there are. */
    public static MessageKind kind(String name) {
        try {
            return MessageKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new DomainException(ErrorCode.NOTIFICATION_TEMPLATE_INVALID, "No kind of message " + name)
                    .with("field", "kind");
        }
    }

    /** Refuses the template, naming every problem, unless it is valid. */
    public static void verify(MessageKind kind, String channel, String title, String body) {
        List<String> problems = new ArrayList<>();
        if (channel == null || !CHANNELS.contains(channel)) {
            problems.add("channel must be SMS, EMAIL, IN_APP or ANY");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            problems.add("title must have 1 to " + MAX_TITLE + " characters");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            problems.add("body must have 1 to " + MAX_BODY + " characters");
        }
        Set<String> unknown = new LinkedHashSet<>();
        boolean strayBrace = false;
        for (String text : new String[]{title, body}) {
            if (text == null) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (!kind.placeholders().contains(matcher.group(1))) {
                    unknown.add(matcher.group(1));
                }
            }
            String rest = PLACEHOLDER.matcher(text).replaceAll("");
            strayBrace |= rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0;
        }
        if (strayBrace) {
            problems.add("a brace must open or close a placeholder such as {plate}");
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown placeholders " + unknown + "; " + kind + " allows " + new TreeSet<>(kind.placeholders()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.NOTIFICATION_TEMPLATE_INVALID, String.join("; ", problems))
                    .with("kind", kind.name())
                    .with("allowedPlaceholders", List.copyOf(new TreeSet<>(kind.placeholders())));
        }
    }
}
