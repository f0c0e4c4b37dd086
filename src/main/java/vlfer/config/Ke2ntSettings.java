package vlfer.config;

import java.io.Serializable;
import vlfer.model.loss.LcForm;

/** ke2nt: logit scale, neutral-MLP width, loss weights and self-contrast form. */
public record Ke2ntSettings(double logitScale, int neutralHidden, double ls, double lt, double lc, LcForm lcForm)
        implements Serializable {
}
