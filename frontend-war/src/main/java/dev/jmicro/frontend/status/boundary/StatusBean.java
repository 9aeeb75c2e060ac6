package dev.jmicro.frontend.status.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.session.control.UserSession;
import dev.jmicro.frontend.status.control.ServiceCharts;
import dev.jmicro.frontend.status.entity.Sparkline;
import dev.jmicro.frontend.web.boundary.TraceLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's readiness and version as the broker sees them ({@code GET /api/status}), reloaded every few seconds
 * unless paused, with links to the dashboards and to the trace of the user's last request when those addresses are
 * configured. A broker that does not answer is itself shown as down, with nothing else known.
 */
@Named
@RequestScoped
public class StatusBean {

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Inject
    UserSession session;

    @Inject
    ServiceCharts charts;

    /** Grafana's address, e.g. {@code http://localhost:3000}; no dashboard links when unset. */
    @Inject
    @ConfigProperty(name = "frontend.grafana.url")
    Optional<String> grafanaUrl;

    @Inject
    TraceLinks traces;

    private boolean live = true;
    private List<JsonObject> services = List.of();
    private String failure;
    private Instant checkedAt;
    private Map<String, List<Sparkline>> sparklines = Map.of();

    public void load() {
        String lastTrace = session.getLastTraceId(); // the link is to the user's last request before this check
        Exchange answer = broker.get(caller.get(), "status", "/api/status");
        session.tracedRequest(lastTrace);
        checkedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (!answer.ok()) {
            failure = answer.failure();
            return;
        }
        JsonObject body = answer.json().orElseThrow();
        services = body.getJsonArray("services").getValuesAs(JsonObject.class);
        sparklines = charts.lastQuarterHour();
    }

    /** The service's request rate, error ratio and p95 over the last 15 minutes; empty without Prometheus. */
    public List<Sparkline> chartsOf(JsonObject service) {
        return sparklines.getOrDefault(service.getString("name", ""), List.of());
    }

    public boolean isChartsConfigured() {
        return charts.isConfigured();
    }

    public int getChartWidth() {
        return Sparkline.WIDTH;
    }

    public int getChartHeight() {
        return Sparkline.HEIGHT;
    }

    /** The dashboard of one service where it has one (jmicro-broker, -auth, -mail), else the overview. */
    public String dashboardOf(JsonObject service) {
        String name = service.getString("name", "");
        String uid = List.of("broker", "auth", "mail").contains(name) ? "jmicro-" + name : "jmicro-overview";
        return grafanaUrl.map(url -> url.replaceAll("/+$", "") + "/d/" + uid).orElse(null);
    }

    public boolean isUp(JsonObject service) {
        return "UP".equals(service.getString("status", ""));
    }

    public String getDashboardsUrl() {
        return grafanaUrl.map(url -> url.replaceAll("/+$", "") + "/dashboards").orElse(null);
    }

    public String getLastTraceUrl() {
        return traces.url(session.getLastTraceId());
    }

    public boolean isLive() {
        return live;
    }

    public void setLive(boolean live) {
        this.live = live;
    }

    public List<JsonObject> getServices() {
        return services;
    }

    public String getFailure() {
        return failure;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
