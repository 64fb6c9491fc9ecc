/** Jira Cloud and Data Center tracker adapter (work in progress: see the project's issues). */
package dev.followthrough.jira;
