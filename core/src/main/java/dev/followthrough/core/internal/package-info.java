/** Implementation classes that are not part of the API and may change in any release. */
package dev.followthrough.core.internal;
