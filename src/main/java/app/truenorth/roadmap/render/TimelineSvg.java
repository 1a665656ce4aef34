package app.truenorth.roadmap.render;

import app.truenorth.platform.html.Xml;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Quarter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the roadmap timeline as SVG on the server: a lane per theme (or team), quarters across, a bar
 * per initiative, dependency arrows, and a line for today. Initiatives without dates are drawn dashed
 * across the band of their horizon (Now = this quarter, Next = the next, Later = the two after), so
 * nothing on the roadmap is missing from the picture. One pass with a StringBuilder: thousands of
 * initiatives stay fast. The roadmap page, the audience views and their SVG, PNG and PDF exports, and
 * {@code truenorth render} all draw with this one class.
 */
public final class TimelineSvg {

    static final int WIDTH = 1160;
    private static final int LABEL = 170;
    private static final int HEADER = 56;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int LANE_GAP = 10;

    private TimelineSvg() {
    }

    /** What each lane of the picture holds. */
    public enum Lanes {
        THEME, TEAM
    }

    private record Placed(Initiative initiative, double x1, double x2, double y, boolean dated) {
    }

    /** Lanes by theme; bars link to {@code initiativeLinks + id}, or to nothing when it is null. */
    public static String render(RoadmapData data, List<Initiative> initiatives, LocalDate today, String initiativeLinks) {
        return render(data, initiatives, Lanes.THEME, today, initiativeLinks);
    }

    /** Lanes by theme or team; bars link to {@code links + id}, or to nothing when it is null. */
    public static String render(RoadmapData data, List<Initiative> initiatives, Lanes lanesBy, LocalDate today, String links) {
        Quarter now = Quarter.of(today);
        Quarter first = now;
        Quarter last = now.next().next().next(); // at least a year, so Later has room
        for (Initiative i : initiatives) {
            if (i.plannedStart() != null) {
                Quarter s = Quarter.of(i.plannedStart());
                Quarter e = Quarter.of(i.plannedEnd());
                first = s.compareTo(first) < 0 ? s : first;
                last = e.compareTo(last) > 0 ? e : last;
            }
        }
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = first; q.compareTo(last) <= 0 && quarters.size() < 24; q = q.next()) {
            quarters.add(q);
        }
        LocalDate start = first.start();
        LocalDate end = quarters.getLast().end().plusDays(1);
        double days = ChronoUnit.DAYS.between(start, end);
        double plot = WIDTH - LABEL - 10;

        // lanes in a stable order: themes by name (or teams), then the ones without
        Map<String, List<Initiative>> lanes = new LinkedHashMap<>();
        if (lanesBy == Lanes.THEME) {
            data.themeList().forEach(t -> lanes.put(t.name(), new ArrayList<>()));
        }
        for (Initiative i : initiatives) {
            String lane = lanesBy == Lanes.THEME ? data.themeName(i.themeId()) : (i.team() == null || i.team().isBlank() ? "No team" : i.team());
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(i);
        }
        lanes.values().removeIf(List::isEmpty);

        // pack each lane's bars into rows so none overlap
        List<Placed> placed = new ArrayList<>();
        Map<Long, Placed> byId = new HashMap<>();
        StringBuilder laneMarks = new StringBuilder();
        double y = HEADER + 6;
        int laneIndex = 0;
        for (var lane : lanes.entrySet()) {
            List<double[]> rowEnds = new ArrayList<>();
            List<Initiative> items = new ArrayList<>(lane.getValue());
            items.sort((a, b) -> Double.compare(x1(a, start, now, days, plot), x1(b, start, now, days, plot)));
            double laneTop = y;
            List<Placed> lanePlaced = new ArrayList<>();
            for (Initiative i : items) {
                double x1 = x1(i, start, now, days, plot);
                double x2 = Math.max(x1 + 6, x2(i, start, now, days, plot));
                int row = 0;
                while (row < rowEnds.size() && rowEnds.get(row)[0] > x1 - 2) {
                    row++;
                }
                if (row == rowEnds.size()) {
                    rowEnds.add(new double[] {x2});
                } else {
                    rowEnds.get(row)[0] = x2;
                }
                Placed p = new Placed(i, x1, x2, laneTop + row * ROW, i.isDated());
                lanePlaced.add(p);
                byId.put(i.id(), p);
            }
            double height = Math.max(1, rowEnds.size()) * ROW;
            laneMarks.append("<rect class=\"tl-lane").append(laneIndex % 2 == 0 ? "" : " alt").append("\" x=\"0\" y=\"")
                    .append(fmt(laneTop - 4)).append("\" width=\"").append(WIDTH).append("\" height=\"").append(fmt(height + 8))
                    .append("\"/>");
            laneMarks.append("<text class=\"tl-lane-label\" x=\"10\" y=\"").append(fmt(laneTop + 13)).append("\">")
                    .append(Xml.escape(shorten(lane.getKey(), 22)));
            if (lane.getKey().length() > 22) {
                laneMarks.append("<title>").append(Xml.escape(lane.getKey())).append("</title>");
            }
            laneMarks.append("</text>");
            placed.addAll(lanePlaced);
            y = laneTop + height + LANE_GAP;
            laneIndex++;
        }
        double height = Math.max(y + 10, HEADER + 60);

        StringBuilder svg = new StringBuilder(256 + initiatives.size() * 420);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(fmt(height)).append("\" width=\"").append(WIDTH).append("\" height=\"").append(fmt(height))
                .append("\" aria-labelledby=\"tl-title\"><title id=\"tl-title\">Roadmap timeline: ").append(initiatives.size())
                .append(" initiatives in ").append(lanes.size()).append(lanesBy == Lanes.THEME ? " themes" : " teams").append("</title>");
        svg.append("<defs><marker id=\"tl-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,4 L0,8 z\" class=\"tl-arrow-head\"/></marker>")
                .append("<marker id=\"tl-arrow-bad\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,4 L0,8 z\" class=\"tl-arrow-head bad\"/></marker></defs>");
        svg.append(laneMarks);

        // horizon bands over the quarters they stand for, then the quarter grid
        bands(svg, now, start, days, plot);
        for (Quarter q : quarters) {
            double x = LABEL + plot * ChronoUnit.DAYS.between(start, q.start()) / days;
            double w = plot * ChronoUnit.DAYS.between(q.start(), q.end().plusDays(1)) / days;
            svg.append("<line class=\"tl-grid\" x1=\"").append(fmt(x)).append("\" y1=\"24\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(fmt(height)).append("\"/>");
            svg.append("<text class=\"tl-quarter\" x=\"").append(fmt(x + w / 2)).append("\" y=\"37\">").append(q.year()).append(" Q")
                    .append(q.quarter()).append("</text>");
        }

        // dependency arrows under the bars: from the end of what is needed to the start of what needs it
        Set<Long> visible = new HashSet<>(byId.keySet());
        for (Dependency d : data.dependencyList()) {
            if (!d.isOnInitiative() || !visible.contains(d.dependentId()) || !visible.contains(d.requiredId())) {
                continue;
            }
            Placed from = byId.get(d.requiredId());
            Placed to = byId.get(d.dependentId());
            boolean bad = to.x1() < from.x2() - 1 || to.initiative().horizon().isEarlierThan(from.initiative().horizon());
            double sx = from.x2();
            double sy = from.y() + BAR / 2.0;
            double ex = to.x1();
            double ey = to.y() + BAR / 2.0;
            String route;
            if (ex - sx >= 16) {
                double bend = Math.max(18, (ex - sx) / 3);
                route = "M" + fmt(sx) + "," + fmt(sy) + " C" + fmt(sx + bend) + "," + fmt(sy) + " " + fmt(ex - bend) + "," + fmt(ey)
                        + " " + fmt(ex) + "," + fmt(ey);
            } else {
                // the dependent starts before what it needs ends: step out, across between the rows, and back in
                double mid = Math.abs(ey - sy) > BAR ? (sy + ey) / 2 : Math.max(sy, ey) + BAR / 2.0 + 3;
                route = "M" + fmt(sx) + "," + fmt(sy) + " h8 V" + fmt(mid) + " H" + fmt(ex - 8) + " V" + fmt(ey) + " H" + fmt(ex);
            }
            svg.append("<path class=\"tl-dep").append(bad ? " bad" : "").append("\" d=\"").append(route).append("\" marker-end=\"url(#")
                    .append(bad ? "tl-arrow-bad" : "tl-arrow").append(")\"><title>")
                    .append(Xml.escape(to.initiative().title() + " depends on " + from.initiative().title()))
                    .append(bad ? " (starts before it ends, or sits in an earlier horizon)" : "").append("</title></path>");
        }

        for (Placed p : placed) {
            Initiative i = p.initiative();
            double w = p.x2() - p.x1();
            if (links != null) {
                svg.append("<a href=\"").append(Xml.escape(links)).append(i.id()).append("\">");
            }
            // a null stage is one the reader may not see (an audience view): drawn neutral, never guessed
            svg.append("<rect class=\"tl-bar").append(i.stage() == null ? "" : " stage-" + i.stage().name().toLowerCase())
                    .append(p.dated() ? "" : " undated")
                    .append("\" x=\"").append(fmt(p.x1())).append("\" y=\"").append(fmt(p.y())).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(BAR).append("\" rx=\"4\"><title>").append(Xml.escape(i.title())).append(" — ")
                    .append(i.stage() == null ? "" : i.stage().label() + ", ").append(i.horizon().label()).append(", ")
                    .append(Xml.escape(when(i))).append("</title></rect>");
            int chars = (int) ((w - 8) / 6.4);
            if (chars >= 3) {
                svg.append("<text class=\"tl-bar-label").append(p.dated() ? "" : " undated").append("\" x=\"").append(fmt(p.x1() + 5))
                        .append("\" y=\"").append(fmt(p.y() + 13)).append("\">").append(Xml.escape(shorten(i.title(), chars))).append("</text>");
            }
            if (links != null) {
                svg.append("</a>");
            }
        }

        // today's line last, so it reads above everything
        if (!today.isBefore(start) && today.isBefore(end)) {
            double x = LABEL + plot * ChronoUnit.DAYS.between(start, today) / days;
            svg.append("<line class=\"tl-today\" x1=\"").append(fmt(x)).append("\" y1=\"42\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(fmt(height)).append("\"/><text class=\"tl-today-label\" x=\"").append(fmt(x + 4)).append("\" y=\"")
                    .append(fmt(HEADER - 2)).append("\">Today</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bands(StringBuilder svg, Quarter now, LocalDate start, double days, double plot) {
        Horizon[] horizons = Horizon.values();
        for (Horizon h : horizons) {
            LocalDate from = bandStart(h, now);
            LocalDate to = bandEnd(h, now);
            double x1 = LABEL + plot * Math.max(0, ChronoUnit.DAYS.between(start, from)) / days;
            double x2 = LABEL + plot * Math.min(days, ChronoUnit.DAYS.between(start, to)) / days;
            if (x2 <= x1) {
                continue;
            }
            svg.append("<rect class=\"tl-band band-").append(h.name().toLowerCase()).append("\" x=\"").append(fmt(x1))
                    .append("\" y=\"4\" width=\"").append(fmt(x2 - x1)).append("\" height=\"18\" rx=\"3\"/>");
            svg.append("<text class=\"tl-band-label\" x=\"").append(fmt((x1 + x2) / 2)).append("\" y=\"17\">").append(h.label())
                    .append("</text>");
        }
    }

    private static LocalDate bandStart(Horizon h, Quarter now) {
        return switch (h) {
            case NOW -> now.start();
            case NEXT -> now.next().start();
            case LATER -> now.next().next().start();
        };
    }

    private static LocalDate bandEnd(Horizon h, Quarter now) {
        return switch (h) {
            case NOW -> now.end().plusDays(1);
            case NEXT -> now.next().end().plusDays(1);
            case LATER -> now.next().next().next().end().plusDays(1);
        };
    }

    private static double x1(Initiative i, LocalDate start, Quarter now, double days, double plot) {
        LocalDate from = i.plannedStart() != null ? i.plannedStart() : bandStart(i.horizon(), now);
        return LABEL + plot * Math.max(0, ChronoUnit.DAYS.between(start, from)) / days;
    }

    private static double x2(Initiative i, LocalDate start, Quarter now, double days, double plot) {
        LocalDate to = i.plannedEnd() != null ? i.plannedEnd().plusDays(1) : bandEnd(i.horizon(), now);
        return LABEL + plot * Math.min(days, ChronoUnit.DAYS.between(start, to)) / days;
    }

    private static String when(Initiative i) {
        if (i.startDate() != null) {
            return i.startDate() + " to " + i.endDate();
        }
        if (i.quarter() != null) {
            return i.quarter().toString();
        }
        return "no date (shown across its horizon)";
    }

    static String fmt(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : (r / 10) + "." + Math.abs(r % 10);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

}
