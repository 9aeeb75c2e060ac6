/**
 * Checks of the deployment files that need no cluster: {@link dev.jmicro.deploy.DeploymentTree} copies {@code k8s/},
 * {@code observability/} and {@code docker/} into the build folder with generated secrets and renders every overlay
 * with every combination of components through {@code kubectl kustomize}; the tests validate what it renders against
 * the Kubernetes API's schema and against the services' own configuration ({@link dev.jmicro.deploy.ServiceSources}).
 */
package dev.jmicro.deploy;
