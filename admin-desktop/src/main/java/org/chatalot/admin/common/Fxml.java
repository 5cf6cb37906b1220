package org.chatalot.admin.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML from beside its class ({@code UsersView} → {@code UsersView.fxml} in the same package),
 * with the view object itself as controller so views can take their ViewModel in the constructor.
 */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL location = view.getClass().getResource(name);
        if (location == null) {
            throw new IllegalStateException("missing " + name + " beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
