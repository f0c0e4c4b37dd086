package vlfer.data.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.SplittableRandom;

/**
 * Draws a roughly aligned frontal face, like RAF-DB's aligned crops, in which every action unit
 * visibly moves a feature (brows, lids, cheeks, nose, lip corners, lips, jaw) in proportion to its
 * intensity; then applies head roll, yaw, lighting, blur, pixel noise and an occluder.
 * Coordinates are fractions of the image side.
 */
public final class FaceRenderer {
    private final int size;

    public FaceRenderer(int size) {
        this.size = size;
    }

    public BufferedImage render(FaceParameters f) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(new GradientPaint(0, 0, new Color(f.backgroundRgb()), size, size, new Color(f.backgroundRgb2())));
            g.fillRect(0, 0, size, size);
            g.rotate(Math.toRadians(f.rollDegrees()), size / 2.0, size / 2.0);
            drawFace(g, f);
            drawOccluder(g, f);
        } finally {
            g.dispose();
        }
        light(img, f);
        if (f.blur()) {
            img = blur(blur(img));
        }
        noise(img, f);
        return img;
    }

    private void drawFace(Graphics2D g, FaceParameters f) {
        double yaw = f.yaw();
        double cx = 0.5 + yaw * 0.08;
        double fx = yaw * 0.10;                  // features shift further than the head outline
        double squash = 1 - Math.abs(yaw) * 0.5; // and crowd together on the turned side
        double jaw = f.au(ActionUnit.AU26);
        double hw = f.headWidth() * (1 - Math.abs(yaw) * 0.25);
        double hh = f.headHeight() + 0.05 * jaw;
        double headTop = 0.52 - f.headHeight() / 2;
        Color skin = new Color(f.skinRgb());
        Color shade = scale(skin, 0.78);

        g.setColor(new Color(f.hairRgb()));
        fillEllipse(g, cx - hw / 2 - 0.035, headTop - 0.045, hw + 0.07, hh * 0.62);
        g.setColor(skin);
        fillEllipse(g, cx - hw / 2 - 0.035, 0.45, 0.07, 0.12);
        fillEllipse(g, cx + hw / 2 - 0.035, 0.45, 0.07, 0.12);
        fillEllipse(g, cx - hw / 2, headTop, hw, hh);
        g.setColor(new Color(f.hairRgb()));
        fillEllipse(g, cx - hw * 0.42, headTop - 0.02, hw * 0.84, 0.13);

        double cheek = f.au(ActionUnit.AU6);
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + fx + side * f.eyeSpacing() * squash;
            if (cheek > 0.05) {
                g.setColor(withAlpha(scale(skin, 0.85), (int) (160 * cheek)));
                fillEllipse(g, ex - 0.055, f.eyeY() + 0.075 - 0.03 * cheek, 0.11, 0.06);
                stroke(g, scale(skin, 0.7), 0.006, new QuadCurve2D.Double(
                        px(ex - 0.05), px(f.eyeY() + 0.05 - 0.012 * cheek), px(ex), px(f.eyeY() + 0.075 - 0.02 * cheek),
                        px(ex + 0.05), px(f.eyeY() + 0.05 - 0.012 * cheek)));
            }
            drawEye(g, f, ex, side, squash, skin);
            drawBrow(g, f, ex, side, squash, cx + fx);
        }
        drawNose(g, f, cx + fx, shade);
        drawMouth(g, f, cx + fx, squash, skin);
    }

    private void drawEye(Graphics2D g, FaceParameters f, double ex, int side, double squash, Color skin) {
        double open = 0.026 * f.eyeSize()
                * (1 + 1.1 * f.au(ActionUnit.AU5) - 0.6 * f.au(ActionUnit.AU7) - 0.45 * f.au(ActionUnit.AU6));
        open = Math.max(0.004, open);
        double w = 0.085 * f.eyeSize() * squash;
        double ey = f.eyeY();
        g.setColor(new Color(0xF4F1EC));
        fillEllipse(g, ex - w / 2, ey - open, w, 2 * open);
        double iris = Math.min(open, 0.022 * f.eyeSize());
        g.setColor(new Color(0x3A2A1E));
        fillEllipse(g, ex - iris, ey - iris, 2 * iris, 2 * iris);
        g.setColor(Color.BLACK);
        fillEllipse(g, ex - iris / 2, ey - iris / 2, iris, iris);
        stroke(g, scale(skin, 0.45), 0.007, new QuadCurve2D.Double(px(ex - w / 2), px(ey), px(ex), px(ey - 2 * open - 0.004),
                px(ex + w / 2), px(ey)));
        if (f.au(ActionUnit.AU7) > 0.2) {
            stroke(g, scale(skin, 0.6), 0.005, new Line2D.Double(px(ex - w / 2), px(ey + open + 0.004), px(ex + w / 2),
                    px(ey + open + 0.004)));
        }
    }

    private void drawBrow(Graphics2D g, FaceParameters f, double ex, int side, double squash, double mid) {
        double by = f.eyeY() - 0.075;
        double au1 = f.au(ActionUnit.AU1);
        double au2 = f.au(ActionUnit.AU2);
        double au4 = f.au(ActionUnit.AU4);
        double innerX = ex - side * (0.05 * squash) - side * 0.025 * au4;
        double innerY = by - 0.07 * au1 + 0.04 * au4;
        double outerX = ex + side * 0.058 * squash;
        double outerY = by - 0.065 * au2 + 0.015 * au4 + 0.01 * au1;
        double midY = (innerY + outerY) / 2 - 0.012 - 0.01 * au2 + 0.006 * au4;
        stroke(g, new Color(f.hairRgb()), f.browThickness(), new QuadCurve2D.Double(px(innerX), px(innerY),
                px((innerX + outerX) / 2), px(midY), px(outerX), px(outerY)));
        if (au4 > 0.25 && side == 1) {
            Color furrow = scale(new Color(f.skinRgb()), 0.6);
            for (int k = -1; k <= 1; k += 2) {
                stroke(g, furrow, 0.004, new Line2D.Double(px(mid + k * 0.012), px(by - 0.01), px(mid + k * 0.009), px(by + 0.03 * au4)));
            }
        }
        if ((au1 > 0.3 || au2 > 0.3) && side == 1) {
            Color line = scale(new Color(f.skinRgb()), 0.75);
            for (int k = 0; k < 2; k++) {
                double y = by - 0.07 - 0.018 * k;
                stroke(g, line, 0.003, new QuadCurve2D.Double(px(mid - 0.08), px(y), px(mid), px(y - 0.01), px(mid + 0.08), px(y)));
            }
        }
    }

    private void drawNose(Graphics2D g, FaceParameters f, double nx, Color shade) {
        double au9 = f.au(ActionUnit.AU9);
        double top = f.eyeY() + 0.03;
        double bottom = top + f.noseLength() - 0.015 * au9;
        stroke(g, shade, 0.008, new Line2D.Double(px(nx), px(top), px(nx + 0.012), px(bottom)));
        double flare = 0.024 * (1 + 0.8 * au9);
        g.setColor(scale(shade, 0.6));
        fillEllipse(g, nx - flare - 0.008, bottom - 0.006, 0.016, 0.011);
        fillEllipse(g, nx + flare - 0.008, bottom - 0.006, 0.016, 0.011);
        if (au9 > 0.15) {
            for (int k = 0; k < 3; k++) {
                double y = top + 0.012 + 0.012 * k;
                stroke(g, scale(shade, 0.8), 0.004, new QuadCurve2D.Double(px(nx - 0.03), px(y), px(nx), px(y - 0.008 * au9),
                        px(nx + 0.03), px(y)));
            }
        }
    }

    private void drawMouth(Graphics2D g, FaceParameters f, double mx, double squash, Color skin) {
        double au12 = f.au(ActionUnit.AU12);
        double au14 = f.au(ActionUnit.AU14);
        double au15 = f.au(ActionUnit.AU15);
        double au16 = f.au(ActionUnit.AU16);
        double au20 = f.au(ActionUnit.AU20);
        double au23 = f.au(ActionUnit.AU23);
        double au26 = f.au(ActionUnit.AU26);
        double my = f.mouthY() + 0.03 * au26;
        double halfWidth = f.mouthWidth() * squash * (1 + 0.4 * au20 - 0.3 * au23 + (f.unilateral() ? 0 : 0.2 * au12));
        // corner lifts (negative = up); contempt pulls only the right corner
        double left = (f.unilateral() ? 0 : -0.06 * au12) + 0.05 * au15 - 0.01 * (f.unilateral() ? 0 : au14);
        double right = -0.06 * au12 + 0.05 * au15 - 0.02 * au14;
        double lx = mx - halfWidth;
        double rx = mx + halfWidth;
        double ly = my + left;
        double ry = my + right;
        double open = 0.1 * au26 + 0.04 * au16 + (au12 > 0.5 && !f.unilateral() ? 0.015 * au12 : 0);
        double upperMid = my - open / 2 - 0.004 * au16;
        double lowerMid = my + open / 2 + 0.01 * au16;
        QuadCurve2D upper = through(lx, ly, mx, upperMid, rx, ry);
        QuadCurve2D lower = through(lx, ly, mx, lowerMid, rx, ry);
        Color lip = blend(skin, new Color(0xB0484C), 0.55);
        if (open > 0.006) {
            Path2D inside = new Path2D.Double();
            inside.append(upper, false);
            inside.append(new QuadCurve2D.Double(lower.getX2(), lower.getY2(), lower.getCtrlX(), lower.getCtrlY(),
                    lower.getX1(), lower.getY1()), true);
            inside.closePath();
            g.setColor(new Color(0x3A0F12));
            g.fill(inside);
            if (au12 > 0.3 || au16 > 0.3 || au20 > 0.3) {
                g.setColor(new Color(0xEDEBE4));
                g.setClip(inside);
                fillEllipse(g, mx - halfWidth, upperMid - 0.02, 2 * halfWidth, 0.03 + 0.02 * au16);
                g.setClip(null);
            }
        }
        double thickness = 0.014 * (1 - 0.7 * au23) + 0.004;
        stroke(g, lip, thickness, upper);
        stroke(g, lip, thickness * 1.3, lower);
        if (au14 > 0.2) {
            stroke(g, scale(skin, 0.6), 0.004, new Line2D.Double(px(rx + 0.01), px(ry - 0.012), px(rx + 0.012), px(ry + 0.012)));
            if (!f.unilateral()) {
                stroke(g, scale(skin, 0.6), 0.004, new Line2D.Double(px(lx - 0.01), px(ly - 0.012), px(lx - 0.012), px(ly + 0.012)));
            }
        }
        if (au20 > 0.3) {
            stroke(g, scale(skin, 0.7), 0.004, new Line2D.Double(px(lx - 0.035), px(ly - 0.02), px(lx - 0.015), px(ly + 0.02)));
            stroke(g, scale(skin, 0.7), 0.004, new Line2D.Double(px(rx + 0.035), px(ry - 0.02), px(rx + 0.015), px(ry + 0.02)));
        }
    }

    private void drawOccluder(Graphics2D g, FaceParameters f) {
        double cx = 0.5 + f.yaw() * 0.08;
        switch (f.occluder()) {
            case SUNGLASSES -> {
                g.setColor(new Color(0x15171A));
                fillEllipse(g, cx - f.eyeSpacing() - 0.065, f.eyeY() - 0.045, 0.13, 0.085);
                fillEllipse(g, cx + f.eyeSpacing() - 0.065, f.eyeY() - 0.045, 0.13, 0.085);
                stroke(g, new Color(0x15171A), 0.012, new Line2D.Double(px(cx - 0.04), px(f.eyeY() - 0.01), px(cx + 0.04),
                        px(f.eyeY() - 0.01)));
            }
            case HAND_MOUTH -> {
                g.setColor(scale(new Color(f.skinRgb()), 0.93));
                fillEllipse(g, cx - 0.16, f.mouthY() - 0.06, 0.3, 0.2);
            }
            case HAND_CHEEK -> {
                g.setColor(scale(new Color(f.skinRgb()), 0.93));
                fillEllipse(g, cx + 0.05, f.eyeY() + 0.06, 0.25, 0.26);
            }
            case SCARF -> {
                g.setColor(new Color(f.backgroundRgb2()).darker());
                g.fill(new java.awt.geom.Rectangle2D.Double(0, px(f.mouthY() + 0.035), size, size));
            }
            default -> {
            }
        }
    }

    /** A quadratic curve from (x1, y1) to (x2, y2) passing through (mx, my) at its middle. */
    private QuadCurve2D through(double x1, double y1, double mx, double my, double x2, double y2) {
        double cy = 2 * my - (y1 + y2) / 2;
        return new QuadCurve2D.Double(px(x1), px(y1), px(mx), px(cy), px(x2), px(y2));
    }

    private void light(BufferedImage img, FaceParameters f) {
        double dx = Math.cos(f.lightAngle());
        double dy = Math.sin(f.lightAngle());
        double strength = f.lightStrength();
        if (strength <= 0) {
            return;
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double t = ((x + 0.5) / size - 0.5) * dx + ((y + 0.5) / size - 0.5) * dy;
                img.setRGB(x, y, scaleRgb(img.getRGB(x, y), 1 + strength * 1.4 * t));
            }
        }
    }

    private void noise(BufferedImage img, FaceParameters f) {
        if (f.noiseSigma() <= 0) {
            return;
        }
        SplittableRandom r = new SplittableRandom(f.noiseSeed());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = img.getRGB(x, y);
                double n = gaussian(r) * f.noiseSigma();
                int red = clamp(((p >> 16) & 0xFF) + n + gaussian(r) * f.noiseSigma() * 0.3);
                int green = clamp(((p >> 8) & 0xFF) + n);
                int blue = clamp((p & 0xFF) + n + gaussian(r) * f.noiseSigma() * 0.3);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
    }

    private static BufferedImage blur(BufferedImage img) {
        float[] k = new float[9];
        java.util.Arrays.fill(k, 1f / 9);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(img, out);
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(r.nextDouble(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private double px(double fraction) {
        return fraction * size;
    }

    private void fillEllipse(Graphics2D g, double x, double y, double w, double h) {
        g.fill(new Ellipse2D.Double(px(x), px(y), px(w), px(h)));
    }

    private void stroke(Graphics2D g, Color c, double width, java.awt.Shape s) {
        g.setColor(c);
        g.setStroke(new BasicStroke((float) Math.max(0.6, px(width)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    private static Color scale(Color c, double f) {
        return new Color(scaleRgb(c.getRGB(), f));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, alpha)));
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private static int scaleRgb(int p, double f) {
        return clamp(((p >> 16) & 0xFF) * f) << 16 | clamp(((p >> 8) & 0xFF) * f) << 8 | clamp((p & 0xFF) * f);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
