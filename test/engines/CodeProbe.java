// Runs the Elasticsearch export's pattern (java.util.regex, what Painless uses) over a log:
// one line per match, "line<TAB>code<TAB>1 when it is a name-only match (group 7)".
// Usage: java test/engines/CodeProbe.java otc-code-pattern.elasticsearch.txt app.log
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CodeProbe {
  public static void main(String[] args) throws Exception {
    // Written for a Painless /…/ literal: "\/" is an escaped slash, which java.util.regex reads as "/".
    Pattern pattern = Pattern.compile(Files.readString(Path.of(args[0])).strip());
    StringBuilder out = new StringBuilder();
    long n = 0;
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      n++;
      Matcher m = pattern.matcher(line);
      while (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          String code = m.group(g);
          if (code != null) {
            out.append(n).append('\t').append(code).append('\t').append(g == 7 ? 1 : 0).append('\n');
            break;
          }
        }
      }
    }
    System.out.print(out);
  }
}
