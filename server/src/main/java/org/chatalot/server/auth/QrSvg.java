package org.chatalot.server.auth;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as a small SVG document. Only the dark modules are drawn, as one path whose data is numbers and
 * the letters M h v z: the document has no text, script, style or reference to anything outside it, so a
 * page can show it as an image ({@code data:} URL or blob) under any content security policy.
 */
final class QrSvg {
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /** {@code text} at error-correction level M (scanned from a screen, it rarely needs more). */
    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 6 + "\" height=\"" + size * 6 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }
}
