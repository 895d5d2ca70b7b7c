package org.familyjourney.models;

/** The two kinds of model a manager changes: a process diagram of bpmn/ or a form of forms/. */
public enum ModelKind {
    BPMN(".bpmn", "models/bpmn"),
    FORM(".form", "models/forms");

    private final String extension;
    private final String packagedFolder;

    ModelKind(String extension, String packagedFolder) {
        this.extension = extension;
        this.packagedFolder = packagedFolder;
    }

    public String extension() {
        return extension;
    }

    String packagedFolder() {
        return packagedFolder;
    }
}
