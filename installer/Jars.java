import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Jar chores for installer/jpackage.sh, run as a single-file program ({@code java installer/Jars.java ...}) so
 * the script needs neither zip nor unzip (a Windows runner has neither in its Git Bash).
 *
 * <pre>
 *   classpath APP.jar                  print the manifest Class-Path entries, one per line
 *   strip JAR DROP_REGEX               rewrite JAR without the entries matching DROP_REGEX
 *   extract JAR PREFIX DIR             copy the files under PREFIX (flattened) into DIR
 * </pre>
 */
public class Jars {
    public static void main(String[] a) throws IOException {
        switch (a.length == 0 ? "" : a[0]) {
            case "classpath" -> {
                try (JarFile j = new JarFile(a[1])) {
                    String cp = j.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (cp != null) for (String e : cp.trim().split("\\s+")) System.out.println(e);
                }
            }
            case "strip" -> strip(Path.of(a[1]), Pattern.compile(a[2]));
            case "extract" -> extract(Path.of(a[1]), a[2], Path.of(a[3]));
            default -> {
                System.err.println("usage: Jars classpath APP.jar | strip JAR DROP_REGEX | extract JAR PREFIX DIR");
                System.exit(2);
            }
        }
    }

    static void strip(Path jar, Pattern drop) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int dropped = 0;
        try (ZipFile z = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (drop.matcher(e.getName()).matches()) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream in = z.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("stripped " + dropped + " entries from " + jar.getFileName());
    }

    static void extract(Path jar, String prefix, Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                    in.transferTo(out);
                }
                n++;
            }
        }
        if (n == 0) throw new IOException("nothing under " + prefix + " in " + jar);
        System.err.println("extracted " + n + " files from " + jar.getFileName() + " to " + dir);
    }
}
