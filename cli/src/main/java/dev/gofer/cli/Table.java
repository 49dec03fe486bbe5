package dev.gofer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Aligned columns separated by two spaces; padding is computed on the plain text, so colouring a cell never breaks the
 * alignment. Without headers it prints key/value blocks.
 */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<UnaryOperator<String>> colours = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    static Table withHeaders(String... headers) {
        return new Table(List.of(headers));
    }

    static Table plain() {
        return new Table(List.of());
    }

    /** Colours every body cell of {@code column} with {@code colour}. */
    Table colour(int column, UnaryOperator<String> colour) {
        while (colours.size() <= column) {
            colours.add(UnaryOperator.identity());
        }
        colours.set(column, colour);
        return this;
    }

    Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "-" : cell.toString()).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out, Style style) {
        int columns = Math.max(headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        int[] widths = new int[columns];
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        if (!headers.isEmpty()) {
            out.println(render(headers, widths, i -> style::bold));
        }
        for (List<String> row : rows) {
            out.println(render(row, widths, i -> i < colours.size() ? colours.get(i) : UnaryOperator.identity()));
        }
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows);
        if (!headers.isEmpty()) {
            all.add(headers);
        }
        return all;
    }

    private static String render(List<String> cells, int[] widths,
            java.util.function.IntFunction<UnaryOperator<String>> colourOf) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(colourOf.apply(i).apply(cell));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        return line.toString();
    }
}
