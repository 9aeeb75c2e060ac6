/** Small helpers of the launcher: free ports, HTTP polling, generated secrets, process trees. */
package dev.jmicro.localstack.support;
