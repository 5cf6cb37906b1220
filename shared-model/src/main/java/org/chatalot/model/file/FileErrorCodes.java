package org.chatalot.model.file;

/** Values of {@code error.code} the file endpoints add, so clients can tell the limits apart. */
public final class FileErrorCodes {
    /** 413: the file is larger than {@code MAX_FILE_SIZE_MB}. */
    public static final String FILE_TOO_LARGE = "file_too_large";
    /** 413: storing the file would take the uploader over {@code UPLOAD_QUOTA_MB}. */
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    /** 415: executables and scripts are refused, whatever the client says they are. */
    public static final String FILE_TYPE_REFUSED = "file_type_refused";
    /** 429: too many uploads by this user in the last minute. */
    public static final String UPLOAD_RATE_LIMITED = "upload_rate_limited";
    /** 503: the server's disk is too full to take the file (the code every refused write shares). */
    public static final String STORAGE_FULL = org.chatalot.model.error.ErrorCodes.STORAGE_FULL;

    private FileErrorCodes() {
    }
}
