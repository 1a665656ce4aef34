package app.truenorth.text;

import app.truenorth.text.AntiGoalPairs.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the scorer's weights were chosen, to run again after any change to the fixture, the features or
 * the model: the two features of every labelled pair (computed by the production code), a logistic
 * regression fitted on the calibration half only (its ridge strength chosen by leave-one-out inside
 * that half), the threshold that balances precision and recall on the calibration half folded into the
 * intercepts (so "alike" begins at 0.5), then precision and recall on the held-out half and the curve.
 *
 * <pre>
 *   java -cp … app.truenorth.text.TextCalibration            # the default model
 *   java -Dtruenorth.text.model=bge-small-en-v1.5-q -cp … app.truenorth.text.TextCalibration
 * </pre>
 */
public final class TextCalibration {

    /** The two features of one pair: closest-passage cosine, and whether that passage shares a content word. */
    record Features(Pair pair, double cosine, boolean shared) {

        double[] row() {
            return new double[] {1, cosine, shared ? 1 : 0};
        }
    }

    private TextCalibration() {
    }

    static Features features(Pair p) {
        Scoring.Query q = PairScorer.query(p.antiGoal());
        List<String> passages = Passages.of(p.title(), p.description());
        List<float[]> vectors = Models.embed(passages);
        int best = 0;
        double bestCos = -2;
        for (int i = 0; i < passages.size(); i++) {
            double c = Vectors.dot(q.vector(), vectors.get(i));
            if (c > bestCos) {
                bestCos = c;
                best = i;
            }
        }
        return new Features(p, bestCos, !Scoring.sharedWords(q.stems(), passages.get(best)).isEmpty());
    }

    /** Ridge-penalised logistic regression by Newton's method; weights in {@link Features#row()} order. */
    static double[] fit(List<Features> data, double lambda) {
        int d = 3;
        double[] w = new double[d];
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (Features f : data) {
                double[] x = f.row();
                double p = sigmoid(dot(w, x));
                double y = f.pair().match() ? 1 : 0;
                for (int i = 0; i < d; i++) {
                    g[i] += (p - y) * x[i];
                    for (int j = 0; j < d; j++) {
                        h[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                if (i != 0) { // the intercept is not penalised
                    g[i] += lambda * w[i];
                    h[i][i] += lambda;
                }
                h[i][i] += 1e-9;
            }
            double[] step = solve(h, g);
            double change = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                change += Math.abs(step[i]);
            }
            if (change < 1e-10) {
                break;
            }
        }
        return w;
    }

    static double probability(double[] w, Features f) {
        return sigmoid(dot(w, f.row()));
    }

    /** Precision and recall of "score ≥ threshold" over the pairs. */
    static double[] precisionRecall(List<Features> data, double[] w, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Features f : data) {
            boolean said = probability(w, f) >= threshold;
            if (said && f.pair().match()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (f.pair().match()) {
                fn++;
            }
        }
        return new double[] {tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp + fn == 0 ? 1 : tp / (double) (tp + fn)};
    }

    public static void main(String[] args) {
        var split = AntiGoalPairs.split();
        List<Features> calibration = new ArrayList<>();
        split.calibration().forEach(p -> calibration.add(features(p)));
        List<Features> heldOut = new ArrayList<>();
        split.heldOut().forEach(p -> heldOut.add(features(p)));
        System.out.println("model " + Models.model().id + ", loaded in " + Models.loadMillis() + " ms");
        if (Boolean.getBoolean("dump")) {
            for (var list : List.of(calibration, heldOut)) {
                for (Features f : list) {
                    System.out.printf(Locale.ROOT, "F\t%s\t%d\t%s\t%.4f\t%d%n", list == calibration ? "C" : "H", f.pair().line(), f.pair().category(),
                            f.cosine(), f.shared() ? 1 : 0);
                }
            }
        }

        double bestLambda = 0;
        int bestErrors = Integer.MAX_VALUE;
        for (double lambda : new double[] {0.001, 0.01, 0.1, 1}) {
            int errors = 0;
            for (int i = 0; i < calibration.size(); i++) {
                List<Features> rest = new ArrayList<>(calibration);
                Features left = rest.remove(i);
                errors += (probability(fit(rest, lambda), left) >= 0.5) == left.pair().match() ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "ridge %.3f: %d of %d wrong in leave-one-out%n", lambda, errors, calibration.size());
            if (errors < bestErrors) {
                bestErrors = errors;
                bestLambda = lambda;
            }
        }
        double[] w = fit(calibration, bestLambda);
        // the threshold with the best balance of precision and recall on the calibration half
        // (the smaller of the two as high as possible; among equals, the one nearest 0.5)
        double threshold = 0.5;
        double bestScore = -1;
        for (int t = 5; t <= 95; t++) {
            double[] pr = precisionRecall(calibration, w, t / 100.0);
            double score = Math.min(pr[0], pr[1]) * 1000 + (pr[0] + pr[1]) - Math.abs(t / 100.0 - 0.5) / 100;
            if (score > bestScore) {
                bestScore = score;
                threshold = t / 100.0;
            }
        }
        double shift = Math.log(threshold / (1 - threshold));
        double[] folded = {w[0] - shift, w[1], w[2]};
        System.out.printf(Locale.ROOT, "ridge %.3f, threshold %.2f on the calibration half%n", bestLambda, threshold);
        System.out.printf(Locale.ROOT, "weights: new Weights(%.2f, %.2f, %.2f)%n", folded[0], folded[1], -folded[2]);
        double[] c = precisionRecall(calibration, folded, 0.5);
        double[] h = precisionRecall(heldOut, folded, 0.5);
        System.out.printf(Locale.ROOT, "calibration half (%d pairs): precision %.2f recall %.2f%n", calibration.size(), c[0], c[1]);
        System.out.printf(Locale.ROOT, "held-out half (%d pairs): precision %.2f recall %.2f%n", heldOut.size(), h[0], h[1]);
        System.out.println("held-out curve (threshold: precision / recall):");
        for (int t = 10; t <= 90; t += 10) {
            double[] pr = precisionRecall(heldOut, folded, t / 100.0);
            System.out.printf(Locale.ROOT, "  %.1f: %.2f / %.2f%n", t / 100.0, pr[0], pr[1]);
        }
        System.out.println("held-out pairs on the wrong side:");
        for (Features f : heldOut) {
            double p = probability(folded, f);
            if ((p >= 0.5) != f.pair().match()) {
                System.out.printf(Locale.ROOT, "  %.2f %s line %d: %s / %s%n", p, f.pair().category(), f.pair().line(), f.pair().antiGoal(),
                        f.pair().title());
            }
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}
