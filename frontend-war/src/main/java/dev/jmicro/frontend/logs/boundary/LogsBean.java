package dev.jmicro.frontend.logs.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.control.Query;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.web.boundary.Messages;
import dev.jmicro.frontend.web.boundary.Redirects;
import dev.jmicro.frontend.web.entity.Pager;
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
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The log browser: newest first, a page at a time, found by a text anywhere in the name or data, filtered by name,
 * level and a time range (UTC), one entry in full on request. Everything is in the address ({@code f:viewParam}), so a
 * view can be bookmarked and reloaded; the filter form posts and then redirects to it. Addresses carry only the
 * parameters that have a value. A page past the end redirects to the last one. {@code live} reloads the page every
 * few seconds until paused.
 */
@Named
@RequestScoped
public class LogsBean {

    public static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Size(max = 200, message = "At most 200 characters")
    private String text;

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
    private Pager pager = new Pager(1, 0, PAGE_SIZE);
    private JsonObject selected;
    private String failure;

    /**
     * Runs after the address's parameters were converted and validated; a bad one is a message and no call. A page
     * past the end redirects to the last one.
     */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isValidationFailed()) {
            return;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            Messages.errorAt("filters:to", "Must be after \"From\"");
            return;
        }
        Query api = new Query()
                .add("q", text)
                .add("name", name)
                .add("level", level)
                .add("from", from == null ? null : from.toInstant(ZoneOffset.UTC))
                .add("to", to == null ? null : to.toInstant(ZoneOffset.UTC))
                .add("page", page)
                .add("size", PAGE_SIZE);
        Exchange answer = broker.get(caller.get(), "logs", "/api/logs" + api);
        if (!answer.ok()) {
            failure = "The logs cannot be shown: " + answer.failure();
            return;
        }
        JsonObject body = answer.json().orElseThrow();
        entries = body.getJsonArray("items").getValuesAs(JsonObject.class);
        pager = new Pager(page, body.getJsonNumber("total").longValue(), PAGE_SIZE);
        if (entries.isEmpty() && page > pager.clamped()) {
            Redirects.to(address(pager.clamped()));
            return;
        }
        if (id != null && !id.isBlank()) {
            Exchange one = broker.get(caller.get(), "log entry", "/api/logs/" + Query.segment(id));
            if (one.ok()) {
                selected = one.json().orElse(null);
            } else {
                Messages.warn(one.failure());
            }
        }
    }

    /** The filter form's button: back to page 1 of the new filter, as an address. */
    public void filter() {
        page = 1;
        id = null;
        Redirects.to(address(1));
    }

    /** This view's address at another page (and without an entry open). */
    public String address(int number) {
        return address(number, null, live);
    }

    /** This view's address with one entry open. */
    public String entryAddress(String entryId) {
        return address(page, entryId, live);
    }

    /** This view's address with auto-refresh switched the other way. */
    public String liveToggleAddress() {
        return address(page, null, !live);
    }

    /** The filters, then the page (1 left out), the entry and auto-refresh, each only when it has a value. */
    private String address(int number, String entryId, boolean refreshing) {
        return "logs.xhtml"
                + filters()
                        .add("page", number == 1 ? null : number)
                        .add("id", entryId)
                        .add("live", refreshing ? true : null);
    }

    /** The entry's data as it came, indented when it is JSON. */
    public String prettyData() {
        return selected == null ? "" : Exchange.pretty(selected.getString("data", ""));
    }

    private Query filters() {
        return new Query()
                .add("q", text)
                .add("name", name)
                .add("level", level)
                .add("from", from == null ? null : MINUTES.format(from))
                .add("to", to == null ? null : MINUTES.format(to));
    }

    public Pager getPager() {
        return pager;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
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
        return pager.total();
    }

    public JsonObject getSelected() {
        return selected;
    }

    public String getFailure() {
        return failure;
    }
}
