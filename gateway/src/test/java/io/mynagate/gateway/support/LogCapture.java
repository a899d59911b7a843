package io.mynagate.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures, at every level, what is logged through JUL under one logger name (the JDK's
 * {@code System.Logger} and Vert.x log there by default) until closed.
 */
public final class LogCapture implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final Logger logger;
  private final Level previousLevel;
  private final Handler handler;

  private LogCapture(String loggerName) {
    SimpleFormatter formatter = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String line = formatter.format(record);
        synchronized (lines) {
          lines.add(line);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    logger = Logger.getLogger(loggerName);
    previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /**
   * @param loggerName e.g. {@code io.mynagate}, or {@code ""} for everything
   */
  public static LogCapture start(String loggerName) {
    return new LogCapture(loggerName);
  }

  /** Everything captured so far, formatted as {@link SimpleFormatter} does. */
  public String text() {
    synchronized (lines) {
      return String.join("", lines);
    }
  }

  /**
   * Waits until a captured line contains every fragment.
   *
   * @return that line
   * @throws AssertionError if none does within {@code limitMillis}
   */
  public String awaitLine(long limitMillis, String... fragments) throws InterruptedException {
    long deadline = System.nanoTime() + limitMillis * 1_000_000;
    while (true) {
      synchronized (lines) {
        for (String line : lines) {
          if (List.of(fragments).stream().allMatch(line::contains)) {
            return line;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no log line with " + List.of(fragments) + " within "
            + limitMillis + " ms; captured:\n" + text());
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
