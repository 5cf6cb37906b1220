package org.chatalot.installer.upgrade;

import java.util.Comparator;

/** Semantic versions in order: 0.2.0-SNAPSHOT before 0.2.0 before 0.2.1 before 0.10.0. */
final class Versions {
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] left = a.split("-", 2);
        String[] right = b.split("-", 2);
        String[] leftParts = left[0].split("\\.");
        String[] rightParts = right[0].split("\\.");
        for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
            int l = i < leftParts.length ? number(leftParts[i]) : 0;
            int r = i < rightParts.length ? number(rightParts[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        boolean leftRelease = left.length == 1;
        boolean rightRelease = right.length == 1;
        if (leftRelease != rightRelease) {
            return leftRelease ? 1 : -1;
        }
        return leftRelease ? 0 : left[1].compareTo(right[1]);
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
