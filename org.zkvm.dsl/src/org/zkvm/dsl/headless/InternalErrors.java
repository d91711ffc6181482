package org.zkvm.dsl.headless;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * What Xtext logs and swallows while it checks a file: an exception inside validation is logged as
 * an error and the issues found so far are returned, as if the file were clean. A headless run
 * must not call such a file clean: the loader turns each of these into an error diagnostic.
 */
final class InternalErrors extends AppenderSkeleton implements AutoCloseable {

	private final Thread thread = Thread.currentThread();
	private final List<String> messages = new ArrayList<>();

	InternalErrors() {
		setThreshold(Level.ERROR);
		Logger.getRootLogger().addAppender(this);
	}

	@Override
	protected void append(LoggingEvent event) {
		if (Thread.currentThread() == thread) {
			String detail = event.getThrowableInformation() != null && event.getThrowableInformation().getThrowable() != null
					? event.getThrowableInformation().getThrowable().getClass().getSimpleName() + ": " : "";
			synchronized (messages) {
				messages.add(detail + event.getRenderedMessage());
			}
		}
	}

	/** The errors logged on this thread since the last call. */
	List<String> take() {
		synchronized (messages) {
			List<String> taken = List.copyOf(messages);
			messages.clear();
			return taken;
		}
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}

	@Override
	public void close() {
		Logger.getRootLogger().removeAppender(this);
	}
}
