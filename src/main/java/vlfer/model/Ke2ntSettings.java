package vlfer.model;

import vlfer.config.CheckedConfig;
import vlfer.model.loss.LcForm;

/** ke2nt ({@code vlfer.method.ke2nt}): logit scale, neutral-MLP width, loss weights and self-contrast form. */
public record Ke2ntSettings(double logitScale, int neutralHidden, double ls, double lt, double lc, LcForm lcForm) {
    public static Ke2ntSettings read(CheckedConfig k) {
        return new Ke2ntSettings(
                k.doubleIn("logit-scale", 1e-3, 1e4),
                k.intAtLeast("neutral-hidden", 1),
                k.doubleIn("ls", 0, 1e3),
                k.doubleIn("lt", 0, 1e3),
                k.doubleIn("lc", 0, 1e3),
                k.enumValue("lc-form", LcForm.class));
    }
}
