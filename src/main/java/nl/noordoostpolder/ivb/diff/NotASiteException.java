package nl.noordoostpolder.ivb.diff;

/** A folder given to compare is missing or holds no built site; the message says which and what to do. */
public final class NotASiteException extends RuntimeException {

    public NotASiteException(String message) {
        super(message);
    }
}
