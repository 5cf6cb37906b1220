package org.chatalot.server.db;

import java.util.Optional;

import io.helidon.common.GenericType;
import io.helidon.common.mapper.Mapper;
import io.helidon.common.mapper.MapperException;
import io.helidon.common.mapper.MapperManager;
import io.helidon.common.mapper.Mappers;
import io.helidon.common.mapper.MappersConfig;
import io.helidon.dbclient.DbMapperProviderImpl;

/**
 * The conversions DB Client applies when a column is read as another type than the driver returned
 * ({@code row.column(1).get(Integer.class)}): Helidon's built-in ones and DB Client's own (SQL dates and times
 * to {@code java.time}), named here instead of discovered. Left to itself, DB Client's builder looks its mapper
 * providers up through Helidon's service registry, and building the client then waited for that registry to
 * start (it reads every module's service descriptors); 0.2 s of a start under load, of which about half comes
 * back later because the web server's routing starts the registry for its own lookups.
 */
final class ColumnMappers implements MapperManager {
    private final Mappers mappers = Mappers.create(config -> config
            .useBuiltInMappers(true)
            .mapperProvidersDiscoverServices(false)
            .mappersDiscoverServices(false)
            .addMapperProvider(new DbMapperProviderImpl()));

    @Override
    public MappersConfig prototype() {
        return mappers.prototype();
    }

    @Override
    public <S, T> T map(S source, GenericType<S> sourceType, GenericType<T> targetType, String... qualifiers)
            throws MapperException {
        return mappers.map(source, sourceType, targetType, qualifiers);
    }

    @Override
    public <S, T> T map(S source, Class<S> sourceType, Class<T> targetType, String... qualifiers)
            throws MapperException {
        return mappers.map(source, sourceType, targetType, qualifiers);
    }

    @Override
    public <S, T> Optional<Mapper<S, T>> mapper(GenericType<S> sourceType, GenericType<T> targetType,
                                                String... qualifiers) {
        return mappers.mapper(sourceType, targetType, qualifiers);
    }
}
