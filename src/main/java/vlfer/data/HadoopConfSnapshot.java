package vlfer.data;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A serialisable copy of the driver's Hadoop configuration (S3A endpoint, credentials provider...),
 * so executors open files exactly as the driver would. Hadoop's Configuration is not Serializable.
 */
public final class HadoopConfSnapshot implements Serializable {
    private final Map<String, String> entries;
    private transient Configuration conf;

    public HadoopConfSnapshot(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            m.put(e.getKey(), e.getValue());
        }
        this.entries = m;
    }

    public Configuration configuration() {
        if (conf == null) {
            Configuration c = new Configuration(false);
            entries.forEach(c::set);
            conf = c;
        }
        return conf;
    }
}
