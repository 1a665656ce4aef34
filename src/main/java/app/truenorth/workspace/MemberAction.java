package app.truenorth.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write under {@code /products/{productId}} that any member may attempt, because the handler
 * decides who may act by something other than role (e.g. only a phase's named approvers sign it off,
 * whatever their role), or because the write only reads (starting an export). Without it, product-scoped writes need at least the contributor role before
 * the request is even read.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MemberAction {
}
