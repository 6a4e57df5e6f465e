package com.siyumall.devstack.wechat;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A PNG that stands in for a mini-program code: a round badge whose pattern is drawn from the scene's digest. */
final class MiniProgramCode {
    private static final int SIZE = 280;
    private static final int CELLS = 16;

    private MiniProgramCode() {}

    static byte[] png(String scene) {
        byte[] digest = sha256(scene);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(7, 193, 96));
            int cell = SIZE / CELLS;
            for (int y = 0; y < CELLS; y++) {
                for (int x = 0; x < CELLS; x++) {
                    int bit = y * CELLS + x;
                    boolean on = (digest[(bit / 8) % digest.length] >> (bit % 8) & 1) == 1;
                    double dx = x - CELLS / 2.0 + 0.5;
                    double dy = y - CELLS / 2.0 + 0.5;
                    if (on && dx * dx + dy * dy < (CELLS / 2.0) * (CELLS / 2.0)) {
                        g.fillRect(x * cell, y * cell, cell - 1, cell - 1);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
