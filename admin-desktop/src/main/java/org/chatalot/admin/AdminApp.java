package org.chatalot.admin;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.chatalot.admin.connection.AppDirectories;

/** The JavaFX application: builds the graph with the user's config and data folders and opens the window. */
public final class AdminApp extends Application {
    private AppGraph graph;

    @Override
    public void start(Stage stage) {
        graph = new AppGraph(AppDirectories.forThisUser(), Platform::runLater, AppGraph.defaults());
        new MainWindow(graph).show(stage);
    }

    @Override
    public void stop() {
        if (graph != null) {
            graph.close();
        }
    }
}
