package org.chatalot.admin.common;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Read-only table columns from a getter, and badge columns whose value picks the badge colour. */
public final class Tables {
    private Tables() {
    }

    public static <S> TableColumn<S, String> column(String title, Function<S, Object> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> {
            Object shown = value.apply(cell.getValue());
            return new SimpleStringProperty(shown == null ? "" : shown.toString());
        });
        return column;
    }

    /** Shows the value as a coloured badge; the style class is {@code badge-<value>} (spaces become dashes). */
    public static <S> TableColumn<S, String> badgeColumn(String title, Function<S, Object> value, double width) {
        TableColumn<S, String> column = column(title, value, width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                if (empty || text == null || text.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(text);
                badge.getStyleClass().addAll("badge", "badge-" + badgeStyle(text));
                setGraphic(badge);
            }
        });
        return column;
    }

    private static String badgeStyle(String text) {
        return switch (text) {
            case "usable", "pass", "active", "ok" -> "ok";
            case "warn", "suspended", "used up" -> "warn";
            case "fail", "revoked", "deleted" -> "bad";
            default -> "skip";
        };
    }
}
