package vlfer.data;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files of a dataset, on local disk or any Hadoop file system (s3a://). Paths inside a dataset
 * are resolved under its root and may not escape it.
 */
public final class DataFiles {
    private final Configuration conf;

    public DataFiles(Configuration conf) {
        this.conf = conf;
    }

    public Configuration configuration() {
        return conf;
    }

    /** The fully qualified form of a root (file:/abs/path or s3a://bucket/prefix). */
    public String qualify(String root) {
        Path p = new Path(root);
        try {
            return p.getFileSystem(conf).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + root + ": " + e.getMessage(), e);
        }
    }

    /** {@code root/relative}, refusing relative paths that are absolute or climb out of root. */
    public static String resolve(String qualifiedRoot, String relative) {
        String rel = relative.replace('\\', '/');
        if (rel.startsWith("/") || rel.contains("://")) {
            throw new IllegalArgumentException("path '" + relative + "' must be relative to the dataset root");
        }
        for (String part : rel.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("path '" + relative + "' escapes the dataset root " + qualifiedRoot);
            }
        }
        return qualifiedRoot.endsWith("/") ? qualifiedRoot + rel : qualifiedRoot + "/" + rel;
    }

    public boolean isDirectory(String path) {
        Path p = new Path(path);
        try {
            return p.getFileSystem(conf).getFileStatus(p).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public InputStream open(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        return fs.open(p);
    }

    /** The lines of a text file: UTF-8, a leading BOM dropped, CRLF or LF. */
    public List<String> readLines(String path) {
        try (InputStream in = open(path);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (lines.isEmpty() && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                lines.add(line);
            }
            return lines;
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("missing file " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
