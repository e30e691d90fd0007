// Result<T>: a value or an expected Error. Exceptions are kept for "cannot do the job at all".
#pragma once

#include <tl/expected.hpp>

#include "core/error.hpp"

namespace mobilise {

template <typename T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

}  // namespace mobilise
