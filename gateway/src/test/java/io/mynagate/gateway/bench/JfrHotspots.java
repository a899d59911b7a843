package io.mynagate.gateway.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises CPU samples of a JFR recording: the hottest methods by self time and by inclusive
 * time (samples whose stack contains the method), optionally only methods whose class starts with
 * a prefix. {@code bench/gateway/run.sh} takes a recording of each gateway with {@code PROFILE=1}.
 *
 * <p>Usage: {@code JfrHotspots FILE.jfr [top=25] [inclusivePrefix=io.mynagate.]}
 */
public final class JfrHotspots {

  private JfrHotspots() {}

  /**
   * Prints the summary.
   *
   * @param args the recording, then optionally how many rows and the inclusive-time prefix
   * @throws Exception when the recording cannot be read
   */
  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String prefix = args.length > 2 ? args[2] : "io.mynagate.";
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
          || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      frames.stream().map(JfrHotspots::name).filter(n -> n.startsWith(prefix)).distinct()
          .forEach(n -> inclusive.merge(n, 1, Integer::sum));
    }
    System.out.println(samples + " CPU samples in " + args[0]);
    print("self time", self, samples, top);
    print("inclusive time, " + prefix + "*", inclusive, samples, top);
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("-- " + title + " --");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top).forEach(e -> System.out.printf("%6.1f%%  %s%n",
            100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
  }
}
