package vlfer.model.loss;

/** ke2nt self-contrast form: the released code's all-pairs mean, or the paper's per-sample term. */
public enum LcForm { PAIRWISE, DIAGONAL }
