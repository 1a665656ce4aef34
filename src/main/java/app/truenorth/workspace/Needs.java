package app.truenorth.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a handler's {@link WorkspaceAccess.ProductAccess} argument must carry, checked before the
 * handler runs: {@code @Needs(Permission.EDIT) ProductAccess product}. Without it the argument is the
 * product as the caller may read it (the scope guard has already asked writes for at least a contributor,
 * unless the handler is a {@link MemberAction}).
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Needs {

    Permission value();
}
