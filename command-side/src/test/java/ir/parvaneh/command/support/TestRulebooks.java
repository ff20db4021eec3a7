package ir.parvaneh.command.support;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.RulebookContent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Rulebooks for tests of publishing and assessing: the province's demo rulebook, retargeted and edited. */
public final class TestRulebooks {

    private TestRulebooks() {
    }

    /** Qazvin's demo rulebook (version 1405.1, in force from 2026-03-21) made out for another municipality. */
    public static RulebookContent provinceRulebookFor(String slug) {
        return manifestEdited(DemoRulebooks.forCity("qazvin"), "\"municipality\" : \"qazvin\"", "\"municipality\" : \"" + slug + "\"");
    }

    /** The same rulebook as another version, in force from another day. */
    public static RulebookContent asVersion(RulebookContent content, String version, String effectiveFrom) {
        String manifest = content.manifest()
                .replaceFirst("\"version\" : \"[^\"]+\"", "\"version\" : \"" + version + "\"")
                .replaceFirst("\"effectiveFrom\" : \"[^\"]+\"", "\"effectiveFrom\" : \"" + effectiveFrom + "\"");
        return withFile(content, RulebookContent.MANIFEST, manifest);
    }

    public static RulebookContent manifestEdited(RulebookContent content, String from, String to) {
        return edited(content, RulebookContent.MANIFEST, from, to);
    }

    /** The rulebook with {@code from} replaced by {@code to} in one file, which must contain it. */
    public static RulebookContent edited(RulebookContent content, String file, String from, String to) {
        String text = content.files().get(file);
        if (text == null || !text.contains(from)) {
            throw new IllegalArgumentException(file + " does not hold the text to edit: " + from);
        }
        return withFile(content, file, text.replace(from, to));
    }

    public static RulebookContent withFile(RulebookContent content, String file, String text) {
        Map<String, String> files = new TreeMap<>(content.files());
        files.put(file, text);
        return RulebookContent.of(files);
    }

    public static byte[] zip(RulebookContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : content.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
