package vlfer.model.encoder.onednn;

import java.util.ArrayList;
import java.util.List;

/** The oneDNN objects a plan creates, closed together, last first. */
public abstract class PlanResources implements AutoCloseable {
    private final List<AutoCloseable> owned = new ArrayList<>();

    /** {@code resource}, to be closed with the plan. */
    protected <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a oneDNN object", e);
            }
        }
        owned.clear();
    }
}
