#pragma once
#include <stdexcept>
#include <string>

namespace ulmfit {

/// An engine failure with a message a user can act on.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Thrown when work stops because its CancelToken was set.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

} // namespace ulmfit
