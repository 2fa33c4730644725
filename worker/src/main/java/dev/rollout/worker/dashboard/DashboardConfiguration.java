package dev.rollout.worker.dashboard;

import dev.rollout.activities.dashboard.DashboardReader;
import io.temporal.client.WorkflowClient;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator dashboard: its data endpoint and the page at {@code /dashboard/} (static files under
 * {@code static/dashboard}, Chart.js from its webjar).
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }

  @Bean
  DashboardReader dashboardReader(DataSource dataSource) {
    return new DashboardReader(dataSource);
  }

  @Bean(destroyMethod = "close")
  WorkflowStatuses workflowStatuses(WorkflowClient client, DashboardProperties properties) {
    return new WorkflowStatuses(client, properties.queryTimeout());
  }
}
