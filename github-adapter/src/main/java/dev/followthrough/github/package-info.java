/** GitHub Issues tracker adapter (work in progress: see the project's issues). */
package dev.followthrough.github;
