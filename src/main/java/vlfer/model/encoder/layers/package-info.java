/**
 * Drop-in replacements for DL4J 1.0.0-M2.1's convolution and ReLU layers that compute the same
 * numbers with less work in the backward pass. DL4J's convolution layers run their forward
 * convolution a second time in backprop only to hand the pre-activation to the activation's
 * derivative, which the identity activation ignores; its ActivationLayer copies its input before
 * the ReLU derivative, which does not modify it. The lean layers skip both and are otherwise
 * DL4J's own classes: same parameters, same configuration JSON apart from the class name, same
 * oneDNN helpers.
 */
package vlfer.model.encoder.layers;
