package randomuser.pipeline.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test a MongoDB: {@code @ExtendWith(MongoExtension.class)}, then a parameter of
 * type {@link TestMongo} in a test, lifecycle method or constructor. The MongoDB is found before the first
 * test of the class, so a class whose MongoDB cannot be had fails as a whole, with the reason.
 */
public final class MongoExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        MongoForTests.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestMongo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return MongoForTests.get();
    }
}
