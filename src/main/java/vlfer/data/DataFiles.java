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
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

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

    /**
     * The dataset's root, fully qualified. A root that is missing, not a folder or not readable
     * (a wrong S3 bucket, bad credentials) is an immediate error naming the setting.
     */
    public String root(vlfer.config.DatasetSettings ds) {
        String root;
        try {
            root = qualify(ds.root());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("dataset '" + ds.name() + "': cannot open root " + ds.root() + " ("
                    + ds.key("root") + "): " + rootCause(e), e);
        }
        Path p = new Path(root);
        try {
            if (!p.getFileSystem(conf).getFileStatus(p).isDirectory()) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "': root " + root + " is a file, not a folder ("
                        + ds.key("root") + ")");
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("dataset '" + ds.name() + "': root " + root + " does not exist ("
                    + ds.key("root") + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("dataset '" + ds.name() + "': cannot read root " + root + " ("
                    + ds.key("root") + "): " + rootCause(e), e);
        }
        return root;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? "" : t.getMessage();
        int nl = msg.indexOf('\n');
        return t.getClass().getSimpleName() + ": " + (nl > 0 ? msg.substring(0, nl) : msg);
    }

    public boolean exists(String path) {
        Path p = new Path(path);
        try {
            return p.getFileSystem(conf).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every file under {@code dir} (recursively), as paths relative to it, sorted. One listing
     * replaces a request per file, which matters on S3. A missing folder is an error naming it.
     * On local disk, entries that are not regular files or folders, and links that lead out of the
     * dataset's root (unless it allows that), are refused with their reason instead of listed.
     */
    public FileListing listFiles(vlfer.config.DatasetSettings ds, String dir, String what) {
        Path p = new Path(dir);
        try {
            FileSystem fs = p.getFileSystem(conf);
            if (fs instanceof LocalFileSystem) {
                java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(p).toUri());
                if (!java.nio.file.Files.isDirectory(local)) {
                    throw new FileNotFoundException(dir);
                }
                java.nio.file.Path rootPath = java.nio.file.Path.of(fs.makeQualified(new Path(qualify(ds.root()))).toUri());
                return LocalTree.list(dir, local, ds.followLinksOutsideRoot() ? null : rootPath.toRealPath());
            }
            String base = fs.makeQualified(p).toUri().getPath();
            base = base.endsWith("/") ? base : base + "/";
            List<String> out = new ArrayList<>();
            for (String path : listFlat(fs, p)) {
                if (path.startsWith(base)) {
                    out.add(path.substring(base.length()));
                }
            }
            java.util.Collections.sort(out);
            return new FileListing(dir, out);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(what + " " + dir + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One flat recursive listing (S3A: a request per 1,000 keys, not per folder). */
    private static List<String> listFlat(FileSystem fs, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            out.add(it.next().getPath().toUri().getPath());
        }
        return out;
    }

    /** Writes the content of a file, given the file system and the path to write it to. */
    @FunctionalInterface
    public interface ContentWriter {
        void write(FileSystem fs, Path to) throws IOException;
    }

    /**
     * Writes {@code target} (local path or Hadoop URI) through a hidden temporary file beside it that
     * is renamed into place once complete, so that a reader never sees half a file; returns the
     * qualified path.
     */
    public String writeAtomically(String target, ContentWriter content) throws IOException {
        Path dst = new Path(target);
        FileSystem fs = dst.getFileSystem(conf);
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp");
        fs.mkdirs(dst.getParent());
        content.write(fs, tmp);
        if (fs.exists(dst)) {
            fs.delete(dst, false);
        }
        if (!fs.rename(tmp, dst)) {
            throw new IOException("could not rename " + tmp + " to " + dst);
        }
        return fs.makeQualified(dst).toString();
    }

    public byte[] readBytes(String path) throws IOException {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        }
    }

    public InputStream open(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        return fs.open(p);
    }

    /** The lines of a text file: UTF-8, a leading BOM dropped, CRLF or LF. */
    public List<String> readLines(String path) {
        return readLines(path, StandardCharsets.UTF_8);
    }

    /** The lines of one of dataset {@code ds}'s list files, once it is known to be a regular file inside the root. */
    public List<String> readLines(vlfer.config.DatasetSettings ds, String path, java.nio.charset.Charset charset) {
        requireInsideRoot(ds, path);
        return readLines(path, charset);
    }

    public List<String> readLines(vlfer.config.DatasetSettings ds, String path) {
        return readLines(ds, path, StandardCharsets.UTF_8);
    }

    /**
     * On local disk: {@code path} (links resolved) is a regular file under the dataset's root, unless
     * the dataset lets links leave it. A list file that is not is an error naming it: a link to
     * another copy of the labels, or a FIFO, must not be read.
     */
    private void requireInsideRoot(vlfer.config.DatasetSettings ds, String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(conf);
            if (!(fs instanceof LocalFileSystem)) {
                return;
            }
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(p).toUri());
            if (!java.nio.file.Files.exists(local)) {
                return; // reported as a missing file by the read
            }
            java.nio.file.Path real = local.toRealPath();
            java.nio.file.Path root = java.nio.file.Path.of(fs.makeQualified(new Path(qualify(ds.root()))).toUri()).toRealPath();
            if (!ds.followLinksOutsideRoot() && !real.startsWith(root)) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "': " + path + " leads to " + real + ", outside the"
                        + " root " + root + " (outside-root; set " + ds.key("follow-links-outside-root") + " = true to allow it)");
            }
            if (!java.nio.file.Files.isRegularFile(real)) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "': " + path + " is not a regular file"
                        + " (not-a-regular-file: a FIFO, a device or a folder)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a text file in {@code charset}, a leading BOM dropped, CRLF or LF. */
    public List<String> readLines(String path, java.nio.charset.Charset charset) {
        try (InputStream in = open(path);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, charset))) {
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
