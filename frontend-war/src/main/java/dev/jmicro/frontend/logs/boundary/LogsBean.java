package dev.jmicro.frontend.logs.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.control.Query;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.web.boundary.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The log browser: newest first, a page at a time, filtered by name, level and a time range (UTC), one entry in full
 * on request. Everything is in the address ({@code f:viewParam}), so a view can be bookmarked and reloaded, and the
 * filter form posts and then redirects to it. {@code live} reloads the page every few seconds until paused.
 */
@Named
@RequestScoped
public class LogsBean {

    public static final int PAGE_SIZE = 20;
    private static final java.util.regex.Pattern TIMESTAMP =
            java.util.regex.Pattern.compile("(\\d{4}-\\d\\d-\\d\\d)T(\\d\\d:\\d\\d:\\d\\d).*");

    @Inject
    BrokerCalls broker;

    @Size(max = 200, message = "At most 200 characters")
    private String name;

    @Pattern(regexp = "INFO|WARNING|ERROR", message = "Choose INFO, WARNING or ERROR")
    private String level;

    private LocalDateTime from;
    private LocalDateTime to;

    @Min(value = 1, message = "Pages start at 1")
    @Max(value = 100000, message = "No such page")
    private Integer page = 1;

    @Size(max = 100, message = "No such entry")
    private String id;

    private boolean live;

    private List<JsonObject> entries = List.of();
    private long total;
    private JsonObject selected;
    private String failure;

    /** Runs after the address's parameters were converted and validated; a bad one is a message and no call. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isValidationFailed()) {
            return;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            Messages.errorAt("filters:to", "Must be after \"From\"");
            return;
        }
        Query query = new Query()
                .add("name", name)
                .add("level", level)
                .add("from", from == null ? null : from.toInstant(ZoneOffset.UTC))
                .add("to", to == null ? null : to.toInstant(ZoneOffset.UTC))
                .add("page", page)
                .add("size", PAGE_SIZE);
        Exchange answer = broker.get("logs", "/api/logs" + query);
        if (!answer.ok()) {
            failure = "The logs cannot be shown: " + answer.failure();
            return;
        }
        JsonObject body = answer.json().orElseThrow();
        entries = body.getJsonArray("items").getValuesAs(JsonObject.class);
        total = body.getJsonNumber("total").longValue();
        if (id != null && !id.isBlank()) {
            Exchange one = broker.get("log entry", "/api/logs/" + Query.segment(id));
            if (one.ok()) {
                selected = one.json().orElse(null);
            } else {
                Messages.warn(one.failure());
            }
        }
    }

    /** The filter form's button: back to page 1 of the new filter, as an address. */
    public String filter() {
        page = 1;
        id = null;
        return "/logs?faces-redirect=true&includeViewParams=true";
    }

    public boolean isHasNewer() {
        return page > 1;
    }

    public boolean isHasOlder() {
        return (long) page * PAGE_SIZE < total;
    }

    public long getPages() {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** A stored timestamp shortened for the table: seconds, UTC. */
    public String shortTime(String instant) {
        if (instant == null) {
            return "";
        }
        Matcher m = TIMESTAMP.matcher(instant);
        return m.matches() ? m.group(1) + " " + m.group(2) : instant;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page == null ? 1 : page;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isLive() {
        return live;
    }

    public void setLive(boolean live) {
        this.live = live;
    }

    public List<JsonObject> getEntries() {
        return entries;
    }

    public long getTotal() {
        return total;
    }

    public JsonObject getSelected() {
        return selected;
    }

    public String getFailure() {
        return failure;
    }
}
