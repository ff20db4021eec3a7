package ir.parvaneh.kernel.rulebook;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The content of one rulebook version: its manifest {@value #MANIFEST} and its DMN 1.3 decision files
 * ({@code *.dmn}), by file name, as UTF-8 text. Immutable once built; identified by {@link #sha256()}.
 * <p>
 * The files are normalised when the content is built, so that the same rulebook saved on Windows or Linux,
 * zipped in any order, or with or without a byte-order mark has the same hash: line endings become
 * {@code \n}, a leading BOM is dropped. File names are flat ({@code [A-Za-z0-9._-]}, ending {@code .json}
 * or {@code .dmn}); a zip whose entries all lie in one top folder is read as if they did not.
 * <p>
 * Limits, checked while reading (never trusting sizes an archive declares): at most {@value #MAX_FILES}
 * files and {@value #MAX_TOTAL_BYTES} bytes of text in all ({@link ErrorCode#RULEBOOK_TOO_LARGE}); names
 * with a path ({@code ../}, {@code /}, {@code \}) or of another type, text that is not UTF-8, and an
 * archive that is not a zip are refused ({@link ErrorCode#RULEBOOK_CONTENT_INVALID}).
 *
 * @param files file name → normalised UTF-8 text, sorted by name
 */
public record RulebookContent(SortedMap<String, String> files) {

    public static final String MANIFEST = "rulebook.json";
    public static final int MAX_FILES = 64;
    public static final int MAX_TOTAL_BYTES = 5 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(json|dmn)");

    public RulebookContent {
        if (files == null || files.isEmpty()) {
            throw invalid("The rulebook holds no files");
        }
        if (files.size() > MAX_FILES) {
            throw new DomainException(ErrorCode.RULEBOOK_TOO_LARGE, "The rulebook holds " + files.size()
                    + " files; at most " + MAX_FILES + " are allowed").with("files", files.size()).with("maxFiles", MAX_FILES);
        }
        TreeMap<String, String> normalised = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String name = checkedName(file.getKey());
            String text = normalise(file.getValue());
            total += text.getBytes(StandardCharsets.UTF_8).length;
            if (total > MAX_TOTAL_BYTES) {
                throw tooLarge();
            }
            normalised.put(name, text);
        }
        if (!normalised.containsKey(MANIFEST)) {
            throw new DomainException(ErrorCode.RULEBOOK_MANIFEST_INVALID, "The rulebook has no " + MANIFEST)
                    .with("file", MANIFEST);
        }
        files = Collections.unmodifiableSortedMap(normalised);
    }

    /** Content from file name → text (normalised and checked as any other). */
    public static RulebookContent of(Map<String, String> files) {
        return new RulebookContent(new TreeMap<>(files));
    }

    /** The manifest's text. */
    public String manifest() {
        return files.get(MANIFEST);
    }

    /**
     * The SHA-256 of the canonical form, lowercase hex: for each file in name order, its name in UTF-8, a NUL
     * byte, the decimal length in bytes of its normalised UTF-8 text (ASCII digits), a NUL byte, then that
     * text. Names are ASCII, so name order is byte order.
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] text = file.getValue().getBytes(StandardCharsets.UTF_8);
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(text.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(text);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The content as a zip, entries in name order with a fixed timestamp, so equal content gives equal bytes. */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a zip archive of the rulebook's files, refusing path traversal, other files and oversized content. */
    public static RulebookContent fromZip(byte[] zipBytes) {
        if (zipBytes == null || zipBytes.length == 0) {
            throw invalid("The archive is empty");
        }
        if (zipBytes.length > MAX_TOTAL_BYTES) {
            throw tooLarge();
        }
        TreeMap<String, byte[]> raw = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                checkNoTraversal(name);
                if (entry.isDirectory()) {
                    continue;
                }
                if (raw.size() >= MAX_FILES) {
                    throw new DomainException(ErrorCode.RULEBOOK_TOO_LARGE, "The archive holds more than " + MAX_FILES
                            + " files").with("maxFiles", MAX_FILES);
                }
                byte[] content = readCapped(zip, MAX_TOTAL_BYTES - total);
                total += content.length;
                if (raw.put(name, content) != null) {
                    throw invalid("The archive holds " + name + " twice").with("file", name);
                }
            }
        } catch (ZipException e) {
            throw invalid("The archive is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw invalid("The archive cannot be read: " + e.getMessage());
        }
        if (raw.isEmpty()) {
            throw invalid("The archive is not a zip or holds no files");
        }
        String folder = commonFolder(raw.keySet());
        TreeMap<String, String> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : raw.entrySet()) {
            String name = entry.getKey().substring(folder.length());
            if (files.put(checkedName(name), utf8(name, entry.getValue())) != null) {
                throw invalid("The archive holds " + name + " twice").with("file", name);
            }
        }
        return new RulebookContent(files);
    }

    /** Reads the {@code .json} and {@code .dmn} files of a directory (not its subdirectories). */
    public static RulebookContent fromDirectory(Path directory) {
        TreeMap<String, String> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!Files.isRegularFile(path) || !(name.endsWith(".json") || name.endsWith(".dmn"))) {
                    continue;
                }
                total += Files.size(path);
                if (total > MAX_TOTAL_BYTES || files.size() >= MAX_FILES) {
                    throw tooLarge();
                }
                files.put(name, utf8(name, Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rulebook directory " + directory, e);
        }
        return new RulebookContent(files);
    }

    /**
     * Reads the {@code .json} and {@code .dmn} files of a classpath directory, e.g.
     * {@code rulebooks/province/template}, whether it lies in a folder or in a jar.
     */
    public static RulebookContent fromClasspath(String directory) {
        String folder = directory.endsWith("/") ? directory : directory + "/";
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : RulebookContent.class.getClassLoader();
        URL url = loader.getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("No classpath directory " + directory);
        }
        try {
            if (url.getProtocol().equals("file")) {
                return fromDirectory(Paths.get(url.toURI()));
            }
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                TreeMap<String, String> files = new TreeMap<>();
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = connection.getEntryName().endsWith("/") ? connection.getEntryName()
                            : connection.getEntryName() + "/";
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : null;
                        if (rest == null || rest.isEmpty() || rest.contains("/") || entry.isDirectory()
                                || !(rest.endsWith(".json") || rest.endsWith(".dmn"))) {
                            continue;
                        }
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(rest, utf8(rest, readCapped(in, MAX_TOTAL_BYTES)));
                        }
                    }
                }
                return new RulebookContent(files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classpath directory " + directory, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Unreadable classpath URL " + url, e);
        }
        throw new IllegalArgumentException("Cannot list classpath resources of protocol " + url.getProtocol());
    }

    private static String checkedName(String name) {
        checkNoTraversal(name);
        if (!NAME.matcher(name).matches()) {
            throw invalid("A rulebook holds only flat .json and .dmn files named with Latin letters, digits, '.', '_' "
                    + "and '-'; '" + name + "' is not one").with("file", name);
        }
        return name;
    }

    private static void checkNoTraversal(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.matches("(?s).*(^|/)\\.\\.(/|$).*") || name.matches("^[A-Za-z]:.*")) {
            throw invalid("The archive entry '" + name + "' points outside the rulebook").with("file", String.valueOf(name));
        }
    }

    /** Entries that all lie in one top folder ({@code 1405.1/rulebook.json}…) are read without it. */
    private static String commonFolder(Iterable<String> names) {
        String folder = null;
        for (String name : names) {
            int slash = name.indexOf('/');
            String top = slash < 0 ? "" : name.substring(0, slash + 1);
            if (folder == null) {
                folder = top;
            } else if (!folder.equals(top)) {
                return "";
            }
        }
        return folder == null ? "" : folder;
    }

    private static byte[] readCapped(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read += n;
            if (read > remaining) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("The file " + name + " is not UTF-8 text").with("file", name);
        }
    }

    private static String normalise(String text) {
        if (text == null) {
            throw invalid("A file has no text");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static DomainException tooLarge() {
        return new DomainException(ErrorCode.RULEBOOK_TOO_LARGE, "The rulebook's files exceed " + MAX_TOTAL_BYTES
                + " bytes in all").with("maxBytes", MAX_TOTAL_BYTES);
    }

    private static DomainException invalid(String detail) {
        return new DomainException(ErrorCode.RULEBOOK_CONTENT_INVALID, detail);
    }
}
