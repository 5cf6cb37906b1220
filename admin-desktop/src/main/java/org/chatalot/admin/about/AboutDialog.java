package org.chatalot.admin.about;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The About box: product version and runtime, with selectable ids so tests and screen readers find them. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static Alert create(Node owner, About about) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.setTitle("About Chatalot Admin");
        alert.setHeaderText(about.title());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setId("about-details");
        int row = 0;
        for (List<String> detail : about.details()) {
            Label name = new Label(detail.get(0));
            Label value = new Label(detail.get(1));
            value.setId("about-" + detail.get(0).toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            name.setLabelFor(value);
            grid.addRow(row++, name, value);
        }
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().getStyleClass().add("app-dialog");
        return alert;
    }
}
