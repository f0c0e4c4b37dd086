/**
 * ResNet's basic block as one DL4J layer run by oneDNN directly (the {@code resnet18} encoder on
 * the CPU backend): its two 3x3 convolutions, batch norms, ReLUs, shortcut and sum.
 */
package vlfer.model.encoder.resnet;
